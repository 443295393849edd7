int main(void) {
  return undeclared_identifier;
}
