#include "trace/trace.h"

namespace wn {

const char* event_kind_name(EventKind kind) {
    static const char* const names[] = {"op_begin",
                                        "read_ref",
                                        "read_primary",
                                        "lookup_member",
                                        "send_begin",
                                        "send_end",
                                        "op_end",
                                        "schedule_refresh",
                                        "wait_refresh_begin",
                                        "wait_refresh_end",
                                        "lock_wait",
                                        "lock_acquire",
                                        "lock_release",
                                        "refresh_begin",
                                        "refresh_end",
                                        "ismaster_begin",
                                        "ismaster_end",
                                        "monitor_wake",
                                        "refreshed_set",
                                        "publish",
                                        "acquire",
                                        "release",
                                        "reclaim",
                                        "member_put",
                                        "member_pop",
                                        "primary_assign",
                                        "server_down",
                                        "server_up",
                                        "cut_off",
                                        "restore",
                                        "ping_set",
                                        "member_added",
                                        "member_removed",
                                        "step_down",
                                        "election_begin",
                                        "elected",
                                        "no_primary",
                                        "synced",
                                        "key_error_cause",
                                        "power_off",
                                        "isolate",
                                        "heal",
                                        "check_request",
                                        "select_wait_begin",
                                        "select_wait_end",
                                        "topology_applied",
                                        "thread_paused",
                                        "thread_parked",
                                        "thread_resumed",
                                        "thread_stepped"};
    static_assert(sizeof(names) / sizeof(names[0]) == static_cast<std::size_t>(EventKind::Count));
    return names[static_cast<std::size_t>(kind)];
}

const char* error_kind_name(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::None:
        return "ok";
    case ErrorKind::KeyError:
        return "KeyError";
    case ErrorKind::AutoReconnect:
        return "AutoReconnect";
    case ErrorKind::ConfigurationError:
        return "ConfigurationError";
    case ErrorKind::ServerSelectionTimeout:
        return "ServerSelectionTimeoutError";
    }
    return "?";
}

const char* key_error_cause_name(KeyErrorCause cause) {
    switch (cause) {
    case KeyErrorCause::Unknown:
        return "unknown";
    case KeyErrorCause::PrimaryClearedByRefresh:
        return "primary_cleared_by_refresh";
    case KeyErrorCause::PrimaryClearedByDisconnect:
        return "primary_cleared_by_disconnect";
    case KeyErrorCause::MemberPoppedBetween:
        return "member_popped_between";
    case KeyErrorCause::MemberPoppedBefore:
        return "member_popped_before";
    }
    return "?";
}

namespace {

// Writes through a local pointer: stores through m_buf's bytes may alias m_len, so the
// member version reloaded and stored the length after every byte.
std::uint8_t* write_varint(std::uint8_t* p, std::uint64_t v) {
    while (v >= 0x80) {
        *p++ = static_cast<std::uint8_t>(v | 0x80);
        v >>= 7;
    }
    *p++ = static_cast<std::uint8_t>(v);
    return p;
}

} // namespace

void Trace::encode(SimTime t, ActorId actor, EventKind kind, std::int32_t a, std::int64_t b) {
    if (m_len > sizeof(m_buf) - 48) {
        m_hash.update(m_buf, m_len);
        m_len = 0;
    }
    std::uint8_t* p = m_buf + m_len;
    p = write_varint(p, static_cast<std::uint64_t>(t - m_last_time));
    m_last_time = t;
    p = write_varint(p, zigzag(actor));
    *p++ = static_cast<std::uint8_t>(kind);
    p = write_varint(p, zigzag(a));
    p = write_varint(p, zigzag(b));
    m_len = static_cast<std::size_t>(p - m_buf);
}

std::string Trace::sha256() const {
    Sha256 copy = m_hash;
    copy.update(m_buf, m_len);
    return copy.hex_digest();
}

} // namespace wn
