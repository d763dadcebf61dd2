#pragma once

/// The value of a parley_crypto call, or the CryptoError that stopped it.

#include "CryptoError.h"

#include <utility>
#include <variant>

namespace Parley {

//! \brief Either a T or a CryptoError (a small std::expected, which is C++23).
//!
//! Construct from a T on success or from a CryptoError on failure. value() on a failed
//! result is a programming error (it aborts in std::get), so check hasValue() first.
template<typename T>
class [[nodiscard]] CryptoResult
{
public:
    CryptoResult(T value) : m_state(std::in_place_index<0>, std::move(value)) { }
    CryptoResult(CryptoError error) : m_state(std::in_place_index<1>, error) { }

    bool hasValue() const { return m_state.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }

    CryptoError error() const { return std::get<1>(m_state); }

private:
    std::variant<T, CryptoError> m_state;
};

//! \brief Success, or the CryptoError that stopped the call.
template<>
class [[nodiscard]] CryptoResult<void>
{
public:
    CryptoResult() = default;
    CryptoResult(CryptoError error) : m_error(error), m_failed(true) { }

    bool hasValue() const { return !m_failed; }
    explicit operator bool() const { return hasValue(); }

    CryptoError error() const { return m_error; }

private:
    CryptoError m_error = CryptoError::CryptoFailure;
    bool m_failed = false;
};

using CryptoStatus = CryptoResult<void>;

} // namespace Parley
