#pragma once

#include <coroutine>
#include <cstddef>
#include <exception>
#include <new>
#include <utility>

namespace wn {

/// A lazily started coroutine that a parent awaits; completion resumes the parent directly
/// (symmetric transfer), so deep call chains of simulated Python functions cost no stack.
/// Simulated threads are written as ordinary-looking code: `co_await sleep(...)`.
template <class T = void> class Task;

namespace detail {

/// Recycles coroutine frames by size class: every simulated operation allocates a frame or
/// three, and a free list is several times cheaper than malloc. Single-threaded by design,
/// like the engine; one pool per thread keeps separate simulations on separate threads safe.
/// A run built or advanced on one thread and destroyed on another (a comparison's second
/// pane, a seek's background run) frees its frames into the other thread's lists, which
/// that thread may never allocate as many again from: each list keeps at most
/// kMaxKept frames and hands the rest back to the heap, so memory stays bounded.
class FramePool {
public:
    /// More than the frames of a 1000-thread run in flight, of one size class.
    static constexpr std::size_t kMaxKept = 16384;

    static void* allocate(std::size_t size) {
#if defined(__SANITIZE_ADDRESS__)
        return ::operator new(size); // let AddressSanitizer see every frame's lifetime
#endif
        const std::size_t cls = (size + 63) / 64;
        if (cls < kClasses) {
            Slot& slot = lists().by_class[cls];
            if (Node* n = slot.head) {
                slot.head = n->next;
                --slot.kept;
                return n;
            }
            return ::operator new(cls * 64);
        }
        return ::operator new(size);
    }
    /// How many frames of `size` this thread's pool keeps (tests).
    static std::size_t kept(std::size_t size) {
        const std::size_t cls = (size + 63) / 64;
        return cls < kClasses ? lists().by_class[cls].kept : 0;
    }
    static void release(void* p, std::size_t size) {
#if defined(__SANITIZE_ADDRESS__)
        ::operator delete(p);
        return;
#endif
        const std::size_t cls = (size + 63) / 64;
        if (cls < kClasses) {
            Slot& slot = lists().by_class[cls];
            if (slot.kept < kMaxKept) {
                auto* n = static_cast<Node*>(p);
                n->next = slot.head;
                slot.head = n;
                ++slot.kept;
                return;
            }
        }
        ::operator delete(p);
    }

private:
    struct Node {
        Node* next;
    };
    static constexpr std::size_t kClasses = 32;
    // A class's list and its count side by side: one cache line for both.
    struct Slot {
        Node* head = nullptr;
        std::size_t kept = 0;
    };
    struct Lists {
        Slot by_class[kClasses];
        ~Lists() {
            for (const Slot& slot : by_class)
                for (Node* head = slot.head; head;) {
                    Node* next = head->next;
                    ::operator delete(head);
                    head = next;
                }
        }
    };
    static Lists& lists() {
        thread_local Lists l;
        return l;
    }
};

struct PromiseBase {
    static void* operator new(std::size_t size) { return FramePool::allocate(size); }
    static void operator delete(void* p, std::size_t size) { FramePool::release(p, size); }

    std::coroutine_handle<> continuation;

    std::suspend_always initial_suspend() noexcept { return {}; }
    struct FinalAwaiter {
        bool await_ready() noexcept { return false; }
        template <class P>
        std::coroutine_handle<> await_suspend(std::coroutine_handle<P> h) noexcept {
            auto next = h.promise().continuation;
            return next ? next : std::noop_coroutine();
        }
        void await_resume() noexcept {}
    };
    FinalAwaiter final_suspend() noexcept { return {}; }
    // The engine reports failures as values; an exception here is a bug.
    void unhandled_exception() noexcept { std::terminate(); }
};

/// Owns a coroutine frame and lets a parent await it; what Task<T> and Task<void> share.
template <class Promise> class OwnedCoroutine {
public:
    OwnedCoroutine(OwnedCoroutine&& other) noexcept : m_h(std::exchange(other.m_h, {})) {}
    OwnedCoroutine& operator=(OwnedCoroutine&& other) noexcept {
        if (this != &other) {
            if (m_h)
                m_h.destroy();
            m_h = std::exchange(other.m_h, {});
        }
        return *this;
    }
    ~OwnedCoroutine() {
        if (m_h)
            m_h.destroy();
    }

    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> parent) noexcept {
        m_h.promise().continuation = parent;
        return m_h;
    }

protected:
    explicit OwnedCoroutine(std::coroutine_handle<Promise> h) : m_h(h) {}
    std::coroutine_handle<Promise> m_h;
};

template <class T> struct ValuePromise : PromiseBase {
    T value{};
    Task<T> get_return_object();
    void return_value(T v) { value = std::move(v); }
};

struct VoidPromise : PromiseBase {
    Task<void> get_return_object();
    void return_void() {}
};

} // namespace detail

template <class T> class Task : public detail::OwnedCoroutine<detail::ValuePromise<T>> {
public:
    using promise_type = detail::ValuePromise<T>;
    T await_resume() { return std::move(this->m_h.promise().value); }

private:
    friend promise_type;
    explicit Task(std::coroutine_handle<promise_type> h)
        : detail::OwnedCoroutine<promise_type>(h) {}
};

template <> class Task<void> : public detail::OwnedCoroutine<detail::VoidPromise> {
public:
    using promise_type = detail::VoidPromise;
    void await_resume() noexcept {}

    /// The handle a scheduler resumes to start a top-level task (a simulated thread).
    std::coroutine_handle<> handle() const { return m_h; }
    bool done() const { return !m_h || m_h.done(); }

private:
    friend promise_type;
    explicit Task(std::coroutine_handle<promise_type> h) : OwnedCoroutine(h) {}
};

namespace detail {

template <class T> Task<T> ValuePromise<T>::get_return_object() {
    return Task<T>{std::coroutine_handle<ValuePromise<T>>::from_promise(*this)};
}

inline Task<void> VoidPromise::get_return_object() {
    return Task<void>{std::coroutine_handle<VoidPromise>::from_promise(*this)};
}

} // namespace detail

} // namespace wn
