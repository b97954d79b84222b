# PyMongo 2.5, mongo_replica_set_client.py (MongoReplicaSetClient), trimmed.
# `naive`; mutex and rwlock run the same code behind a lock.

    def _send_message(self, msg,
                      with_last_error=False, _connection_to_use=None):
        if _connection_to_use in (None, -1):
            member = self.__find_primary()
        ...
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
        if self.__writer:
            primary = self.__members[self.__writer]
            if primary.up:
                return primary

        # This is either the first connection or we had a failover.
        self.refresh()

        errors = []
        for candidate in self.__hosts:
            try:
                self.__writer = self.__check_is_primary(candidate)
                return self.__members[self.__writer]
            except (ConnectionFailure, socket.error), why:
                errors.append(str(why))
        # Couldn't find the primary.
        raise AutoReconnect(', '.join(errors))

    def _send_message_with_response(self, msg, _connection_to_use=None,
                                    _must_use_master=False, **kwargs):
        ...
        members = self.__members.copy().values()
        ...

    def refresh(self):
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
