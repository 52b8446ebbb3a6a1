#ifndef MUSEUM_KIOSK_CYAML_SHIM_H
#define MUSEUM_KIOSK_CYAML_SHIM_H

// libyaml, the C YAML parser (Debian: libyaml-dev). KioskCore composes its events into nodes
// itself, which keeps Foundation out of the binary (see Sources/KioskCore/Loading/YAML.swift).
#include <yaml.h>

#endif
