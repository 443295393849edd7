typedef struct obj { int refcount; int count; char *s; } obj;
typedef struct Ctx { int db; } Ctx;
void obj_retain(obj *o);
void obj_touch(obj *o);
void obj_release(obj *o);
