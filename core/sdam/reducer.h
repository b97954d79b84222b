#pragma once
// The SDAM specification's "Updating the TopologyDescription" as one pure function: the
// description a client holds, and one new ServerDescription from a check, give the next
// description. Nothing is modified; equal inputs give equal outputs.

#include "sdam/description.h"

namespace wn::sdam {

TopologyDescription apply(const TopologyDescription& topology, const ServerDescription& server);

// The error texts the specification asks for ("ServerDescription.error").
inline constexpr const char* kStalePrimaryMismatch =
    "primary marked stale due to electionId/setVersion mismatch";
inline constexpr const char* kStalePrimaryNewer =
    "primary marked stale due to discovery of newer primary";

} // namespace wn::sdam
