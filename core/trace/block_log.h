#pragma once

#include <algorithm>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <type_traits>
#include <vector>

#include "trace/block_memory.h"

namespace wn {

/// An append-only log kept in fixed-size blocks: growing allocates one block and never
/// copies what is there (a vector's doubling copied hundreds of megabytes at once on a long
/// run), and an element's address never changes while it is kept.
///
/// Indices are positions since the first push, and stay so when a cap drops the oldest
/// blocks: first() is the oldest index still kept, size() one past the newest. With a cap,
/// at most cap() elements (rounded up to whole blocks) are kept, except that blocks at or
/// after hold_from() are never dropped, so a reader that has not caught up loses nothing.
template <class T> class BlockLog {
    // Blocks are raw memory (block_memory), written by assignment and freed without
    // destructors.
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

public:
    static constexpr std::size_t kBlockBits = 16;
    static constexpr std::size_t kBlockSize = std::size_t{1} << kBlockBits;
    static constexpr std::size_t kUnbounded = SIZE_MAX;

    explicit BlockLog(std::size_t cap = kUnbounded) : m_cap(cap) {}
    BlockLog(BlockLog&&) noexcept = default;
    BlockLog& operator=(BlockLog&&) noexcept = default;

    void push_back(const T& value) {
        if (m_fill == kBlockSize) [[unlikely]]
            add_block();
        m_tail[m_fill++] = value;
        ++m_end;
    }

    /// One past the newest index: how many elements were ever pushed.
    std::size_t size() const { return m_end; }
    /// The oldest index still kept (0 until the cap first drops a block).
    std::size_t first() const { return m_first; }
    std::size_t kept() const { return m_end - m_first; }
    bool empty() const { return m_end == m_first; }
    std::size_t cap() const { return m_cap; }
    /// Bytes held by the blocks (kept ones and the spare, if any).
    std::size_t bytes() const {
        return (m_blocks.size() + (m_spare ? 1 : 0)) * kBlockSize * sizeof(T);
    }

    /// Only for first() <= i < size().
    const T& operator[](std::size_t i) const {
        return m_blocks[(i >> kBlockBits) - m_first_block][i & (kBlockSize - 1)];
    }
    const T& front() const { return (*this)[m_first]; }
    const T& back() const { return m_tail[m_fill - 1]; }

    /// Elements at or after `index` are kept whatever the cap, until the hold moves on.
    void hold_from(std::size_t index) { m_hold = index; }
    std::size_t held_from() const { return m_hold; }

    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = const T*;
        using reference = const T&;

        const_iterator() = default;
        const_iterator(const BlockLog* log, std::size_t i) : m_log(log), m_i(i) {}
        reference operator*() const { return (*m_log)[m_i]; }
        pointer operator->() const { return &(*m_log)[m_i]; }
        reference operator[](difference_type n) const { return *(*this + n); }
        const_iterator& operator++() {
            ++m_i;
            return *this;
        }
        const_iterator operator++(int) {
            const_iterator old = *this;
            ++m_i;
            return old;
        }
        const_iterator& operator--() {
            --m_i;
            return *this;
        }
        const_iterator operator--(int) {
            const_iterator old = *this;
            --m_i;
            return old;
        }
        const_iterator& operator+=(difference_type n) {
            m_i = static_cast<std::size_t>(static_cast<difference_type>(m_i) + n);
            return *this;
        }
        const_iterator& operator-=(difference_type n) { return *this += -n; }
        friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
        friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
        friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
            return static_cast<difference_type>(a.m_i) - static_cast<difference_type>(b.m_i);
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b) {
            return a.m_i == b.m_i;
        }
        friend auto operator<=>(const const_iterator& a, const const_iterator& b) {
            return a.m_i <=> b.m_i;
        }
        /// The element's index in the log.
        std::size_t index() const { return m_i; }

    private:
        const BlockLog* m_log = nullptr;
        std::size_t m_i = 0;
    };
    using iterator = const_iterator;
    using reverse_iterator = std::reverse_iterator<const_iterator>;

    const_iterator begin() const { return {this, m_first}; }
    const_iterator end() const { return {this, m_end}; }
    reverse_iterator rbegin() const { return reverse_iterator(end()); }
    reverse_iterator rend() const { return reverse_iterator(begin()); }

private:
    struct FreeBlock {
        void operator()(T* p) const noexcept { block_memory::release(p, kBlockSize * sizeof(T)); }
    };
    using Block = std::unique_ptr<T[], FreeBlock>;

    void add_block() {
        // The newest block is full. Drop the oldest while the kept ones would exceed the cap,
        // but never one holding an index at or after the hold.
        while (!m_blocks.empty() && over_cap() && (m_first_block + 1) * kBlockSize <= m_hold) {
            m_spare = std::move(m_blocks.front());
            m_blocks.erase(m_blocks.begin());
            ++m_first_block;
            m_first = m_first_block * kBlockSize;
        }
        m_blocks.push_back(m_spare ? std::move(m_spare) : new_block());
        m_tail = m_blocks.back().get();
        m_fill = 0;
    }
    static Block new_block() {
        return Block(static_cast<T*>(block_memory::allocate(kBlockSize * sizeof(T))));
    }
    bool over_cap() const {
        return m_cap != kUnbounded &&
               (m_blocks.size() + 1) * kBlockSize > std::max(m_cap, 2 * kBlockSize);
    }

    std::size_t m_cap;
    std::vector<Block> m_blocks; // m_blocks[k] holds indices from (m_first_block + k) blocks
    Block m_spare;               // the last dropped block, reused for the next one
    T* m_tail = nullptr;
    std::size_t m_fill = kBlockSize; // elements in the newest block; full forces the first block
    std::size_t m_first_block = 0;
    std::size_t m_first = 0;
    std::size_t m_end = 0;
    std::size_t m_hold = kUnbounded;
};

} // namespace wn
