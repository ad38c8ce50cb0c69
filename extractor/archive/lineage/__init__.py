"""Plan lineage: which archived document each reference names, and the graph they make.

Who a document is comes from `extractor.extraction.identity` (canonical issuer, year, number; the node id is
'doc:' or 'ext:' + that key). A reference is linked to the archived document with its key; one naming
a document outside the archive becomes an *external* node, shared by every reference to it (one named
without its year or issuer joins the one named in full). A reference whose issuer is unresolved
("của UBND huyện") and that several archived documents could answer keeps all of them, each with a
confidence. A plan issued with a decision and lacking its own date or number is keyed by the decision.

Edges point from the document whose text produced them: basis/cites to what it names (child -> parent),
forwards (a Công văn) and issues (a Quyết định) to the document it carries.

One job per module:
- model: the graph's data (nodes, edges, what a reference says);
- resolve: which node a reference names, and the archive's references and links turned into nodes and edges;
- sql: the graph built from the store, stored back, and loaded as a networkx graph;
- formats: the networkx graph written as GraphML, node-link JSON, Graphviz dot or Mermaid;
- schema: the shape of the JSON format (the source of schemas/planex-graph.schema.json);
- traverse: parents, children and lookup by number in the networkx graph.
"""
