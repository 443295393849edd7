// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// A pointer the function did not allocate (a parameter, a value a callee
// stored through `&p`, an element read from a list) is followed once the
// function frees it: using or freeing it again afterwards is reported
// (OpenSC authentic_emu_update_tokeninfo before 5835f0d: an inverted test
// frees the file that sc_select_file() filled in, and the function goes on
// reading file->size and frees it again).
#include <stdlib.h>

struct file {
  int size;
  char *name;
};
struct node {
  struct node *next;
  char *name;
};

void file_free(struct file *f) {
  if (!f)
    return;
  free(f->name);
  free(f);
}
int select_file(struct file **out); // no body: fills *out
int challenge(void);
char *lookup(int key);              // no body, no rules
int fetch(char **out);              // no body: fills *out

int update_tokeninfo(void) {
  struct file *file = NULL;
  int rv = select_file(&file);
  if (!rv) {
    rv = challenge();
    if (!rv) {
      file_free(file);
      if (rv < 0)
        return rv;
    }
    int len = file->size;
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'file' is used after it was freed by 'file_free' at line 37 [alloc-ownership-transfer]
    file_free(file);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'file' is freed after it was freed by 'file_free' at line 37; release it once [alloc-ownership-transfer]
    return len;
  }
  return 0;
}

void element_freed_twice(int key) {
  char *name = lookup(key);
  free(name);
  if (key > 3)
    free(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'name' is freed after it was freed by 'free' at line 52; release it once [alloc-ownership-transfer]
}

// Near misses: a new value after the free, each time through a loop.
void list_free(struct node *h) {
  while (h) {
    struct node *n = h->next;
    free(h);
    h = n;
  }
}

void each_element(char **v, int n) {
  for (int i = 0; i < n; i++) {
    char *p = v[i];
    free(p);
  }
}

void refilled(void) {
  char *p;
  if (fetch(&p) == 0)
    free(p);
  if (fetch(&p) == 0) {
    p[0] = 1;
    free(p);
  }
}

void reassigned(int key) {
  char *p = lookup(key);
  free(p);
  p = lookup(key + 1);
  p[0] = 1;
  free(p);
}

void cleared(char *p, int x) {
  if (x) {
    free(p);
    p = NULL;
  }
  if (p)
    p[0] = 1;
}

void returns_after_free(char *p, int x) {
  if (x) {
    free(p);
    return;
  }
  p[0] = 1;
}

void compared_only(struct node *n, struct node *head) {
  struct node *first = head;
  free(n);
  if (n == first)
    return;
}

// Near miss: two frees kept apart by a computed mode (SQLite
// sqlite3Update: `if (nChangeFrom == 0 && eOnePass != ONEPASS_MULTI)
// sqlite3WhereEnd(pWInfo); ... else if (eOnePass == ONEPASS_MULTI)
// sqlite3WhereEnd(pWInfo);`): the mode is followed on each path.
struct winfo;
struct winfo *where_begin(int k); // no body, no rules
int one_pass(const struct winfo *w);
void where_end(struct winfo *w) { free(w); }
void step(void);

void update(int n, int k) {
  struct winfo *w = where_begin(k);
  int mode = one_pass(w);
  if (n == 0 && mode != 2)
    where_end(w);
  step();
  if (mode == 1) {
    step();
  } else if (mode == 2) {
    where_end(w);
  } else {
    step();
  }
}
