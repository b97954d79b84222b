# NOT PyMongo 2.5 or 2.5.1, and no driver's real code: a SKETCH of what today's drivers
# do, after MongoDB's specifications server-selection.md (multi-threaded selection),
# server-discovery-and-monitoring.md and server-monitoring.md. `sdam` runs it.

    def run_operation(self, operation):
        # Retryable reads and writes: one retry, on a fresh selection.
        for attempt in range(2):
            server = self.select_server(operation)
            with server.pool.checkout() as conn:
                try:
                    return conn.command(operation)
                except (NetworkError, NotPrimaryError, NodeIsRecovering) as error:
                    # "Network error when reading or writing": mark it Unknown;
                    # a state-change error also asks its monitor for a check.
                    self.topology.mark_unknown(server, error)
        raise error

    def select_server(self, operation):
        deadline = now() + serverSelectionTimeoutMS
        while True:
            td = self.topology.description      # immutable, replaced whole
            servers = td.suitable(operation)     # primary, or secondaries
            if servers:
                in_window = servers within localThresholdMS of the fastest
                return random.choice(in_window)
            self.topology.request_immediate_checks()
            if now() > deadline:
                raise ServerSelectionTimeoutError(td.error)
            # Woken when any server check completes.
            self.topology.condition.wait(deadline - now())

    # One monitor per server, never an application thread (server-monitoring.md).
    def monitor(self, server):
        while True:
            hello, rtt = check(server)    # a known server's network error: retry once
            sd = ServerDescription(server, hello, average_rtt(rtt))
            with self.topology.lock:
                td = update_topology(self.topology.description, sd)
                self.topology.description = td    # one swap
                self.topology.condition.notify_all()
            wait(heartbeatFrequencyMS, woken early by request_immediate_checks,
                 but not sooner than minHeartbeatFrequencyMS)
