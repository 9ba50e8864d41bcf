/*
 * Test harness only, never shipped: Go >= 1.22 gets its random numbers from
 * ProcessPrng in bcryptprimitives.dll, which Wine 8 does not have, so a Go
 * program dies at start-up under it. This stand-in exports ProcessPrng and
 * fills the buffer with RtlGenRandom (SystemFunction036 in advapi32), which
 * Wine does have. .ci/test-windows builds it into its private Wine prefix.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
		if (!SystemFunction036(data, chunk))
			return FALSE;
		data += chunk;
		size -= chunk;
	}
	return TRUE;
}
