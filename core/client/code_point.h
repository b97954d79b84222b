#pragma once

#include <cstdint>

namespace wn {

/// Which line of the modelled Python an interleaving point stands for: the line a thread
/// runs next when it resumes there. A viewer maps it to a line of the quoted PyMongo source;
/// the trace carries it as the `a` of ThreadParked, so the codes of existing points must
/// stay as they are (append new ones last).
enum class CodePoint : std::uint8_t {
    None = 0, // a point with no quoted line
    // PyMongo 2.5 (naive): __find_primary
    NaiveCheckWriter,  // if self.__writer:
    NaiveReadWriter,   // primary = self.__members[self.__writer]  (reading self.__writer)
    NaiveLookup,       // primary = self.__members[self.__writer]  (the dict lookup)
    NaiveCheckPrimary, // self.__writer = self.__check_is_primary(candidate)
    NaiveDisconnect,   // self.disconnect() after a failed send
    NaiveReadMembers,  // members = self.__members.copy().values() (a read)
    // refresh() and __update_pools()
    NaiveRefreshBegin, // nodes = self.__hosts or self.__seeds
    NaiveUpdatePools,  // self.__update_pools()
    NaiveUpdateHost,   // self.__members[host] = Member(...) / .pop(host) for one host
    NaiveDropStale,    // self.__members.pop(...) of hosts no longer in the set
    NaiveSetWriter,    // self.__writer = primary
    // PyMongo 2.5.1 (wasp): __find_primary and _send_message
    WaspCopyRef,      // primary = self.__rs_state.primary_member  (copying the reference)
    WaspCopyRefAgain, // rs_state = self.__rs_state, after wait_for_refresh
    WaspLookup,       // the member, from the held rs_state
    WaspPublishRead,  // disconnect(): reads self.__rs_state to replace it
    WaspPublishSwap,  // disconnect(): self.__rs_state = ...
    // refresh()
    WaspRefreshBegin,   // rs_state = self.__rs_state
    WaspRefreshPublish, // self.__rs_state = RSState(threadlocal, members, arbiters, writer)
    // mutex and rwlock: 2.5's lookup under this program's lock (resources/code/mutex.py and
    // rwlock.py); their refresh() and disconnect() are the Naive points
    LockReadWriter,             // host = self.__writer, the lock held
    LockReadWriterAgain,        // host = self.__writer, once the write lock is held (rwlock)
    LockReadWriterAfterRefresh, // host = self.__writer, after refresh() and the check loop
    LockLookup,                 // return self.__members[host]
    // sdam: a sketch after the SDAM and server selection specifications (sdam.py)
    SdamSelect, // td = self.topology.description
    SdamSend,   // return conn.command(operation), on the selected server
    Count
};
const char* code_point_name(CodePoint point);

} // namespace wn
