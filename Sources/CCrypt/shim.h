#ifndef MUSEUM_KIOSK_CCRYPT_SHIM_H
#define MUSEUM_KIOSK_CCRYPT_SHIM_H

#include <crypt.h>

#endif
