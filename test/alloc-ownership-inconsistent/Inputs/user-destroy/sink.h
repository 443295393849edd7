/* The library's API: a sink its users create and release. */
struct sink;
struct sink *sink_new(const char *addr);
void sink_free(struct sink *s);
