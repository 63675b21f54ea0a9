/* Test-only stand-in for Windows 10's system icuuc.dll, which Wine 8.0 lacks. Qt6Core.dll
 * imports these 20 ucnv_* functions (QStringConverter's ICU codecs); every converter
 * lookup fails cleanly, so Qt has its built-in codecs only. Never shipped. */
#include <stddef.h>
#include <stdint.h>
#define E __declspec(dllexport)
typedef int UErr;
static void fail(UErr *e) { if (e && *e <= 0) *e = 4; /* U_FILE_ACCESS_ERROR */ }
E void *ucnv_open(const char *n, UErr *e) { (void)n; fail(e); return NULL; }
E void ucnv_close(void *c) { (void)c; }
E void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
E void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
E void ucnv_reset(void *c) { (void)c; }
E int8_t ucnv_getMaxCharSize(const void *c) { (void)c; return 1; }
E const char *ucnv_getName(const void *c, UErr *e) { (void)c; fail(e); return NULL; }
E void ucnv_getToUCallBack(const void *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
E void ucnv_getFromUCallBack(const void *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
E void ucnv_setToUCallBack(void *c, void *n, const void *x, void **o, const void **p, UErr *e) { (void)c; (void)n; (void)x; if (o) *o = NULL; if (p) *p = NULL; fail(e); }
E void ucnv_setFromUCallBack(void *c, void *n, const void *x, void **o, const void **p, UErr *e) { (void)c; (void)n; (void)x; if (o) *o = NULL; if (p) *p = NULL; fail(e); }
E void ucnv_cbToUWriteUChars(void *a, const void *s, int32_t l, int32_t o, UErr *e) { (void)a; (void)s; (void)l; (void)o; fail(e); }
E void ucnv_toUnicode(void *c, void **t, const void *tl, const char **s, const char *sl, int32_t *o, int8_t f, UErr *e) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(e); }
E void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *sl, int32_t o, UErr *e) { (void)a; (void)s; (void)sl; (void)o; fail(e); }
E int32_t ucnv_toUCountPending(const void *c, UErr *e) { (void)c; fail(e); return 0; }
E int32_t ucnv_fromUCountPending(const void *c, UErr *e) { (void)c; fail(e); return 0; }
E const char *ucnv_getStandardName(const char *n, const char *s, UErr *e) { (void)n; (void)s; fail(e); return NULL; }
E const char *ucnv_getAvailableName(int32_t i) { (void)i; return NULL; }
E int32_t ucnv_countAvailable(void) { return 0; }
E void ucnv_fromUnicode(void *c, char **t, const char *tl, const void **s, const void *sl, int32_t *o, int8_t f, UErr *e) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(e); }
