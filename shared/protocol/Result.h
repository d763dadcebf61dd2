#pragma once

/// A value or an Error: what fallible calls return (std::expected is C++23).

#include "ErrorCode.h"

#include <utility>
#include <variant>

namespace Parley {

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) { }
    Result(Error error) : m_state(std::move(error)) { }
    Result(ErrorCode code, QString message) : m_state(Error{code, std::move(message)}) { }

    bool hasValue() const { return m_state.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T &value() & { return std::get<0>(m_state); }
    const T &value() const & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

/// Success or an Error, for calls with no value to return.
class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)) { }
    Status(ErrorCode code, QString message) : m_error{code, std::move(message)} { }

    bool isOk() const { return m_error.code == ErrorCode::None; }
    explicit operator bool() const { return isOk(); }
    const Error &error() const { return m_error; }

private:
    Error m_error{ErrorCode::None, {}};
};

} // namespace Parley
