# What scripts/cluster.sh writes as backends.vcl for two app nodes; on several machines list
# each machine's gunicorn address.
probe health {
    .url = "/health/";
    .interval = 1s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

backend node1 {
    .host = "127.0.0.1";
    .port = "8000";
    .probe = health;
    .connect_timeout = 0.5s;
    .first_byte_timeout = 30s;
}

backend node2 {
    .host = "127.0.0.1";
    .port = "8001";
    .probe = health;
    .connect_timeout = 0.5s;
    .first_byte_timeout = 30s;
}

sub vcl_init {
    new nodes = directors.round_robin();
    nodes.add_backend(node1);
    nodes.add_backend(node2);
}
