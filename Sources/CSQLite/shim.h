#ifndef MUSEUM_KIOSK_CSQLITE_SHIM_H
#define MUSEUM_KIOSK_CSQLITE_SHIM_H

// SQLite, the system's (Debian: libsqlite3-dev), for the book of remembrance on one stand.
// Used directly rather than through GRDB, which links all of Foundation into the binary.
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast Swift cannot import: SQLite copies the bound text at once.
static inline void (*museum_kiosk_sqlite_transient(void))(void *) { return SQLITE_TRANSIENT; }

#endif
