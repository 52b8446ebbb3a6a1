#ifndef MUSEUM_KIOSK_CNCURSESW_SHIM_H
#define MUSEUM_KIOSK_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600; without these the wide-character
// calls (get_wch, add_wch, setcchar) are not declared.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <wchar.h>
#include <curses.h>
#include <sys/ioctl.h>

// Swift imports neither these macros nor the KEY_ constants built from them.
static inline attr_t kiosk_a_normal(void) { return A_NORMAL; }
static inline attr_t kiosk_a_bold(void) { return A_BOLD; }
static inline attr_t kiosk_a_dim(void) { return A_DIM; }
static inline attr_t kiosk_a_reverse(void) { return A_REVERSE; }
static inline attr_t kiosk_a_underline(void) { return A_UNDERLINE; }
static inline attr_t kiosk_a_italic(void) { return A_ITALIC; }

// stdscr is a C global, which Swift 6 refuses to read as shared mutable state.
// So are the C library's stdin and stdout.
static inline WINDOW *kiosk_stdscr(void) { return stdscr; }
static inline FILE *kiosk_stdin(void) { return stdin; }
static inline FILE *kiosk_stdout(void) { return stdout; }
// COLORS too, and COLOR_PAIR is a macro.
static inline int kiosk_colors(void) { return COLORS; }
static inline chtype kiosk_color_pair(short pair) { return COLOR_PAIR(pair); }

// FIONREAD is a macro over an ioctl request number; Swift sees neither.
static inline int kiosk_bytes_waiting(int fd) {
    int count = 0;
    if (ioctl(fd, FIONREAD, &count) != 0) return -1;
    return count;
}

#endif
