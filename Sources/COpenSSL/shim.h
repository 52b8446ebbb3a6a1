#ifndef MUSEUM_KIOSK_COPENSSL_SHIM_H
#define MUSEUM_KIOSK_COPENSSL_SHIM_H

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>

// OpenSSL spells these as macros over its ctrl functions, which Swift does not import.

static inline int kiosk_BIO_set_mem_eof_return(BIO *bio, long value) {
    return (int)BIO_set_mem_eof_return(bio, value);
}

static inline int kiosk_SSL_CTX_set_min_proto_version(SSL_CTX *context, int version) {
    return (int)SSL_CTX_set_min_proto_version(context, version);
}

static inline int kiosk_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

#endif
