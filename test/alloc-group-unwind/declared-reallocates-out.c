// RUN: %check_alloc_tidy %s alloc-group-unwind %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: '%S/Inputs/reallocates-out.yaml'}]}"

// 'reallocates-out' declared in a rules file, for a function whose body is
// elsewhere: the block `*out` held before the call is the callee's to
// settle, freed or moved when it succeeds, still there when it fails.
#include <stdlib.h>

struct dir { char *handle; };
int grow_stack(void **start, void **top, void **end);
int grow_plain(void **start, void **top, void **end);

int push_all(int n) {
  struct { struct dir *start, *top, *end; } st;
  int i;
  st.start = malloc(16 * sizeof(struct dir)); // alloc: scoped -- the stack
  if (!st.start)
    return 0;
  st.top = st.start;
  st.end = st.start + 16;
  for (i = 0; i < n; i++) {
    if (st.top == st.end &&
        !grow_stack((void **)&st.start, (void **)&st.top, (void **)&st.end))
      goto fail;
    st.top++;
  }
  free(st.start);
  return 1;
fail:
  free(st.start);
  return 0;
}

// The same code with an out-parameter allocator declared without it: its
// earlier block is taken for lost where the call fails, though the cleanup
// label frees `st.start`, which still holds it.
int push_plain(int n) {
  struct { struct dir *start, *top, *end; } st;
  int i;
  st.start = malloc(16 * sizeof(struct dir)); // alloc: scoped -- the stack
  if (!st.start)
    return 0;
  st.top = st.start;
  st.end = st.start + 16;
  for (i = 0; i < n; i++) {
    if (st.top == st.end &&
        !grow_plain((void **)&st.start, (void **)&st.top, (void **)&st.end))
      goto fail;
    st.top++;
  }
  free(st.start);
  return 1;
fail:
  free(st.start);
  return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'st.start' leaks when allocation of 'st.start' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
}
