#pragma once

namespace wn {

/// A member's role as the servers see it.
enum class ServerRole { Primary, Secondary, Arbiter, Startup2, Removed };
const char* server_role_name(ServerRole role);

} // namespace wn
