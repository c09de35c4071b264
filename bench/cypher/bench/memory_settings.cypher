// The server's heap and page cache as it reports them, for the results file: a figure is only
// comparable with another taken on the same memory.
SHOW SETTINGS YIELD name, value
WHERE name IN ['server.memory.heap.max_size', 'server.memory.pagecache.size']
RETURN name, value
