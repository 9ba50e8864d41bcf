package forms

// Fyne's lang package reads LANG while the test binary initialises and
// logs "Error parsing user locale C" for the POSIX locales containers use.
// earlylocale sorts first by import path, so its init maps them to
// en_US.UTF-8 before Fyne looks (see app/earlylocale). main.go imports it
// for the program; test binaries need it too. One import here covers the
// external forms_test package as well: it is linked into the same binary.
import _ "0init/earlylocale"
