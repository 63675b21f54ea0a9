/* Wine 8.0 has no bcryptprimitives.dll; Windows 10/11 do. Rust programs since Rust
 * 1.78 take their random bytes from its ProcessPrng, so the `cryptography` wheel's
 * _rust.pyd (loaded by Authlib, the sign-in library) cannot load under Wine without it.
 * Test-only stand-in, like icuuc.c: ProcessPrng over bcrypt's system RNG. It lives in
 * the prefix's system32, which PyInstaller treats as the system's: never bundled. */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG part = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (BCryptGenRandom(NULL, data, part, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += part;
        size -= part;
    }
    return TRUE;
}
