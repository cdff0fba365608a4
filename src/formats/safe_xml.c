/* safe_xml.c — shared guards of the readers of outside XML and zip
 * archives (safe_xml.h). */
#include "safe_xml.h"

#include <string.h>
#include <strings.h>

bool safe_xml_has_doctype(const char *s, size_t len)
{
	/* libxml2 may stop on an entity of the internal subset with a bare
	 * parse error before the reader shows the DOCTYPE node, and the reason
	 * should say what was refused */
	for (size_t i = 0; i + 1 < len; i++) {
		if (s[i] != '<')
			continue;
		unsigned char c = (unsigned char)s[i + 1];
		if (c != '?' && c != '!')
			return false;  /* the first element */
		if (c == '!' && len - i >= 9 && !strncasecmp(s + i, "<!DOCTYPE", 9))
			return true;
	}
	return false;
}

void safe_xml_silent(void *arg, xmlErrorPtr e)
{
	(void)arg;
	(void)e;
}

char *safe_zip_entry(struct arena *a, zip_t *z, zip_int64_t i, size_t max, size_t *len, const char **err)
{
	zip_stat_t st;
	if (zip_stat_index(z, (zip_uint64_t)i, 0, &st) || !(st.valid & ZIP_STAT_SIZE)) {
		*err = "an entry of the archive cannot be read";
		return NULL;
	}
	if (st.size > max) {
		*err = "an entry of the archive is larger than the limit when unpacked";
		return NULL;
	}
	zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)i, 0);
	if (!f) {
		*err = "an entry of the archive cannot be opened (encrypted or an unknown compression)";
		return NULL;
	}
	char *b = arena_alloc(a, (size_t)st.size + 1);
	zip_int64_t n = zip_fread(f, b, st.size);
	zip_fclose(f);
	if (n < 0 || (zip_uint64_t)n != st.size) {
		*err = "an entry of the archive is damaged";
		return NULL;
	}
	b[n] = 0;
	*len = (size_t)n;
	return b;
}
