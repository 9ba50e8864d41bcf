package adapt_test

// Keeps Fyne quiet about POSIX locales in this test binary; see
// forms/locale_test.go and app/earlylocale.
import _ "0init/earlylocale"
