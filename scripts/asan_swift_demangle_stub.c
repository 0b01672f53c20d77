/*
 * scripts/asan_swift_demangle_stub.c - preloaded after the ASan runtime by
 * scripts/sanitize.sh, so that an uninstrumented postgres can start under it.
 *
 * Why: postgres links libgpg-error (through libldap and gnutls), whose
 * constructor calls bindtextdomain() before the ASan runtime has run its own.
 * bindtextdomain() allocates while it holds glibc's gettext lock, ASan's
 * malloc interceptor then initialises the runtime, and the runtime looks up
 * swift_demangle with dlsym().  The lookup fails, glibc translates the
 * failure message through dcgettext(), which releases that same lock, and
 * the next bindtextdomain() (postgres's own) waits on it forever.  With a
 * swift_demangle present the lookup succeeds and no message is translated.
 *
 * The stub demangles nothing: NULL tells the symbolizer the name is not a
 * Swift one, so C names are reported as they always are.
 */
#include <stddef.h>
#include <stdint.h>

char	   *swift_demangle(const char *mangled, size_t mangled_len,
						   char *out, size_t *out_len, uint32_t flags);

char *
swift_demangle(const char *mangled, size_t mangled_len,
			   char *out, size_t *out_len, uint32_t flags)
{
	(void) mangled;
	(void) mangled_len;
	(void) out;
	(void) out_len;
	(void) flags;
	return NULL;
}
