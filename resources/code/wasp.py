# PyMongo 2.5.1, mongo_replica_set_client.py (MongoReplicaSetClient), trimmed.
# `wasp`: one immutable RSState behind self.__rs_state.

    def _send_message(self, msg,
                      with_last_error=False, _connection_to_use=None):
        ...
        if _connection_to_use in (None, -1):
            member = self.__find_primary()
        else:
            member = self.__rs_state.get(_connection_to_use)

        sock_info = None
        try:
            sock_info = self.__socket(member)
            ...
            sock_info.sock.sendall(data)
            ...
        except(ConnectionFailure, socket.error), why:
            member.pool.discard_socket(sock_info)
            if _connection_to_use in (None, -1):
                self.disconnect()
            raise AutoReconnect(str(why))

    def __find_primary(self):
        primary = self.__rs_state.primary_member
        if primary:
            return primary

        # We had a failover.
        self.__schedule_refresh(sync=True)

        # Try again. This time copy the RSState reference so we're guaranteed
        # primary_member and error_message are from the same state.
        rs_state = self.__rs_state
        if rs_state.primary_member:
            return rs_state.primary_member

        # Couldn't find the primary.
        raise AutoReconnect(rs_state.error_message)

    def disconnect(self):
        rs_state = self.__rs_state
        if rs_state.primary_member:
            rs_state.primary_member.pool.reset()

        threadlocal = self.__make_threadlocal()
        self.__rs_state = rs_state.clone_without_writer(threadlocal)
        self.__schedule_refresh()

    def refresh(self):
        # Only one thread / greenlet calls refresh() at a time: the one
        # running __init__() or the monitor. We won't modify the state, only
        # replace it at the end.
        rs_state = self.__rs_state
        errors = []
        if rs_state.hosts:
            # Try first those hosts we think are up, then the down ones.
            nodes = sorted(
                rs_state.hosts, key=lambda host: rs_state.get(host).up)
        else:
            nodes = self.__seeds
        ...
        # Ensure we have a pool for each member, and find the primary.
        for host in hosts:
            ...
                    res, connection_pool, ping_time = self.__is_master(host)
            ...
            if res['ismaster']:
                writer = host
        ...
        # Replace old state with new.
        self.__rs_state = RSState(threadlocal, members, arbiters, writer)
