/* Case expat-elements-parse-error (main, expat/examples/elements.c).
 * Cause: XML_ParserCreate is no allocator and XML_Parse has no contract for
 * the parser (summaries: "copies: [0]", "copies: [1]"). Each one blocks:
 * (1) parserCreate allocates through memsuite->malloc_fcn on one branch (a
 *     function pointer: unknown value; XML_ParserCreate passes NULL);
 * (2) parserInit stores the parser in its own field: "takes: [0]";
 * (3) "if (!parser) return parser;" (libucl-parse-key-empty.c; here NULL);
 * (4) XML_Parse(Buffer) calls parser->m_processor(parser, ...): the object
 *     handed to its own function-pointer field, so arg 0 stays unknown.
 * Real tree with 1-4 rewritten: found, buggy only (XML_ParserFree has no
 * summary either: FREE() is also a memory-suite function pointer).
 * Expected: line 36 "'parser' leaks when 'main' fails here". */
#include <stdio.h>
#include <stdlib.h>
typedef struct P { void *(*malloc_fcn)(size_t); struct P *handlerArg;
  int (*processor)(struct P *, const char *, int); } *Parser;
static void parserInit(Parser p) { p->handlerArg = p; }
static Parser parserCreate(void *(*mfcn)(size_t)) {
  Parser p = mfcn ? mfcn(sizeof(*p)) : malloc(sizeof(*p));
  if (!p)
    return NULL;
  p->malloc_fcn = mfcn ? mfcn : malloc;
  parserInit(p);
  return p;
}
Parser ParserCreate(void) { return parserCreate(NULL); }
int Parse(Parser p, const char *s, int len) { return p->processor(p, s, len); }
void ParserFree(Parser p) { free(p); }
int main(void) {
  char buf[BUFSIZ];
  Parser parser = ParserCreate();
  size_t len;
  do {
    len = fread(buf, 1, sizeof(buf), stdin);
    if (Parse(parser, buf, (int)len) == 0)
      return 1;
  } while (len == sizeof(buf));
  ParserFree(parser);
  return 0;
}
