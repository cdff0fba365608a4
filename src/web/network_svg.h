/* network_svg.h — the recruitment network as an inline SVG picture. */
#ifndef LG_WEB_NETWORK_SVG_H
#define LG_WEB_NETWORK_SVG_H

#include "domain/referral_network.h"

#include <stddef.h>

struct web;

/* Draws g (with its layout) into w->out: the largest components, up to
 * max nodes (a component larger than max alone is drawn whole). Returns
 * how many nodes were drawn. */
size_t network_svg(struct web *w, const struct network *g, const char *title, const char *desc, size_t max);

#endif
