# network.R — the reference for the recruitment network's measures
# (tests/http/network.test.mjs): R's igraph on an edge list the test wrote
# from its own seed data, not from leergang's output.
#   Rscript tests/stats/network.R VERTICES.csv EDGES.csv OUT.csv
# VERTICES: id,kind in leergang's node order (people by id, outside,
# presentations); EDGES: from,to. OUT: id,in_degree,out_degree,
# betweenness,component,reach with
#   degree(mode = "in" / "out"), betweenness(directed = TRUE),
#   components(mode = "weak") renumbered by size (largest first), then by
#   the first vertex; reach: subcomponent(mode = "out") without the vertex
#   itself and without presentations.
suppressMessages(library(igraph))
a <- commandArgs(trailingOnly = TRUE)
v <- read.csv(a[1], colClasses = "character")
e <- read.csv(a[2], colClasses = "character")
g <- graph_from_data_frame(e, directed = TRUE, vertices = v)
comp <- components(g, mode = "weak")
first <- sapply(seq_len(comp$no), function(k) min(which(comp$membership == k)))
ord <- order(-comp$csize, first)
rank <- integer(comp$no)
rank[ord] <- seq_len(comp$no)
reach <- sapply(seq_len(vcount(g)), function(i) {
  s <- as.integer(subcomponent(g, i, mode = "out"))
  s <- s[s != i]
  sum(v$kind[s] != "presentation")
})
out <- data.frame(id = v$id, in_degree = degree(g, mode = "in"), out_degree = degree(g, mode = "out"),
                  betweenness = sprintf("%.10f", betweenness(g, directed = TRUE)),
                  component = rank[comp$membership], reach = reach)
write.csv(out, a[3], row.names = FALSE, quote = FALSE)
