// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// Memory stored into a slot of an array member of an object the function
// did not allocate (a parameter's, or the caller's data reached through a
// local) is the caller's once the function succeeds. At a failing exit it
// is reported only when the function frees it through that slot on another
// path: then it treats the slot as its own to clean up (libevent sigfd_add,
// fixed by 'goto free_mem' on the sigprocmask failure). A pointer member
// (`obj->name = p`) hands the memory over where it is stored.
#include <stdlib.h>
#include <string.h>

struct evsig_info { void *sh_old[65]; char *names[4]; char *name; };
struct event_base { struct evsig_info sig; int fd; };
static int save_handler(int signo, void *old) {
  memset(old, 0, 16);
  return signo > 64 ? -1 : 0;
}
static int block(int signo) { return signo == 13; }
void release_info(struct evsig_info *sig);

int sigfd_add(struct event_base *base, int signo) {
  struct evsig_info *sig = &base->sig;
  sig->sh_old[signo] = malloc(64);
  if (sig->sh_old[signo] == NULL)
    return -1;
  if (save_handler(signo, sig->sh_old[signo]) == -1) {
    free(sig->sh_old[signo]);
    sig->sh_old[signo] = NULL;
    return -1;
  }
  if (block(signo))
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sig->sh_old[signo]' leaks when 'sigfd_add' fails here; free it before returning [alloc-group-unwind]{{$}}
  return 0;
}

// Near miss: the same, through the parameter itself, freed before each
// failing return.
int set_name(struct evsig_info *info, const char *s, int signo) {
  info->names[1] = strdup(s);
  if (!info->names[1])
    return -1;
  if (block(signo)) {
    free(info->names[1]);
    info->names[1] = NULL;
    return -1;
  }
  if (block(signo + 1)) {
    free(info->names[1]);
    info->names[1] = NULL;
    return -2;
  }
  return 0;
}

// Near miss: a pointer member is handed over where it is stored, even when
// another path frees it.
int set_plain_name(struct evsig_info *info, const char *s, int signo) {
  info->name = strdup(s);
  if (!info->name)
    return -1;
  if (block(signo)) {
    free(info->name);
    info->name = NULL;
    return -1;
  }
  if (block(signo + 1))
    return -2;
  return 0;
}

// Near miss: nothing in the function frees the field: the caller's object
// keeps it whatever happens (its destroy function frees it).
int set_name_kept(struct evsig_info *info, const char *s, int signo) {
  info->names[2] = strdup(s);
  if (!info->names[2])
    return -1;
  if (block(signo))
    return -1;
  return 0;
}

// Near miss: the object goes to a function that may free its fields.
int set_name_released(struct evsig_info *info, const char *s, int signo) {
  info->names[3] = strdup(s);
  if (!info->names[3])
    return -1;
  if (block(signo + 1)) {
    free(info->names[3]);
    info->names[3] = NULL;
    return -1;
  }
  if (block(signo)) {
    release_info(info);
    return -1;
  }
  return 0;
}

// Near miss: a cursor walking the caller's list fills each element; its
// stores stay in the elements when it moves on.
struct item { struct item *next; char *label[2]; };
int label_all(struct item *head, const char *s) {
  for (struct item *it = head; it; it = it->next) {
    it->label[0] = strdup(s);
    if (!it->label[0])
      return -1;
    if (block(it->label[0][0])) {
      free(it->label[0]);
      it->label[0] = NULL;
      return -1;
    }
  }
  return 0;
}
