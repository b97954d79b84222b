#pragma once

namespace wn::ui {

/// The renderer's caches (fonts, elided and shrunk labels, the thread grid's tiles) can be
/// switched off, so that a test can paint the same frame both ways and compare the pixels.
/// On by default. Each thread that paints has caches of its own.
void set_render_caches_enabled(bool enabled);
bool render_caches_enabled();
/// Drops everything cached by the calling thread.
void clear_render_caches();

/// How much the calling thread keeps: tiles of the thread grid, memorised labels, fonts.
struct RenderCacheStats {
    int tiles = 0;
    int texts = 0;
    int fonts = 0;
};
RenderCacheStats render_cache_stats();

} // namespace wn::ui
