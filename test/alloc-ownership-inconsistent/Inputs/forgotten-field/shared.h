struct shared {
  char *name;
  char *path;
};
