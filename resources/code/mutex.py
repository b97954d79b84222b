# NOT PyMongo: `mutex` never shipped. It is PyMongo 2.5's mongo_replica_set_client.py,
# trimmed, PLUS THIS PROGRAM'S LOCK. Ours: the lines marked "+ lock", and __find_member,
# which gathers 2.5's __find_primary and read member choice under the lock. One mutex
# guards self.__members and self.__writer, so a lookup cannot see a half-done refresh.

    def _send_message(self, msg,
                      with_last_error=False, _connection_to_use=None):
        if _connection_to_use in (None, -1):
            member = self.__find_member(read=False)
        ...
        try:
            sock_info = self.__socket(member)
            ...
            sock_info.sock.sendall(data)
            ...
        except(ConnectionFailure, socket.error), why:
            member.pool.discard_socket(sock_info)
            if _connection_to_use in (None, -1):
                with self.__lock:                            # + lock
                    self.disconnect()
            raise AutoReconnect(str(why))

    def _send_message_with_response(self, msg, _connection_to_use=None,
                                    _must_use_master=False, **kwargs):
        ...
        member = self.__find_member(read=True)
        ...

    def __find_member(self, read):
        # + lock: 2.5's __find_primary and read member choice, under one lock.
        with self.__lock:                                    # + lock
            host = None
            if read and self.__prefers_secondaries:
                members = self.__members.copy().values()
                member = select_member(members, mode, tag_sets, latency)
                host = member and member.host
            if host is None:
                host = self.__writer
                if not host:
                    # This is either the first connection or we had a failover.
                    self.refresh()

                    errors = []
                    for candidate in self.__hosts:
                        try:
                            self.__writer = self.__check_is_primary(candidate)
                            break
                        except (ConnectionFailure, socket.error), why:
                            errors.append(str(why))
                    host = self.__writer
                    if not host:
                        # Couldn't find the primary.
                        raise AutoReconnect(', '.join(errors))
            return self.__members[host]

    def refresh(self):
        # + lock: called with the lock held, by __find_member or by the
        # + lock: monitor (which takes it first).
        errors = []
        nodes = self.__hosts or self.__seeds
        hosts = set()

        for node in nodes:
            ...
                    response, _, _ = self.__is_master(node)
            ...
            if hosts:
                self.__hosts = hosts
                break
        ...
        self.__update_pools()

    def __update_pools(self):
        primary = None
        for host in self.__hosts:
            member, sock_info = None, None
            try:
                if host in self.__members:
                    member = self.__members[host]
                    sock_info = self.__socket(member)
                    res, ping_time = self.__simple_command(
                        sock_info, 'admin', {'ismaster': 1})
                    member.pool.maybe_return_socket(sock_info)
                    member.update(res, ping_time)
                else:
                    res, connection_pool, ping_time = self.__is_master(host)
                    self.__members[host] = Member(
                        host=host,
                        ismaster_response=res,
                        ping_time=ping_time,
                        connection_pool=connection_pool)
            except (ConnectionFailure, socket.error):
                if member:
                    member.pool.discard_socket(sock_info)
                    self.__members.pop(member.host, None)
                continue

            if res['ismaster']:
                primary = host

        if primary != self.__writer:
            self.__reset_pinned_hosts()

        self.__writer = primary
