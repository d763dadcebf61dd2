#pragma once

// Internal: ownership of libsignal objects and conversions to Qt types.

#include "CryptoResult.h"
#include "SignalError_p.h"

#include <signal/curve.h>
#include <signal/signal_protocol.h>

#include <QByteArray>

#include <memory>

namespace Parley {

//! Drops one reference of a libsignal reference-counted object.
struct SignalUnref
{
    void operator()(void *object) const
    {
        if (object)
            signal_type_unref(static_cast<signal_type_base *>(object));
    }
};

//! Owns one reference to a libsignal object (session_record, ec_public_key, ...).
template<typename T>
using SignalPtr = std::unique_ptr<T, SignalUnref>;

//! Frees a signal_buffer, zeroing it first: buffers may hold keys or plaintext.
struct SignalBufferFree
{
    void operator()(signal_buffer *buffer) const { signal_buffer_bzero_free(buffer); }
};

using SignalBufferPtr = std::unique_ptr<signal_buffer, SignalBufferFree>;

inline QByteArray toByteArray(const signal_buffer *buffer)
{
    if (!buffer)
        return {};
    return QByteArray(reinterpret_cast<const char *>(signal_buffer_const_data(buffer)),
                      static_cast<qsizetype>(signal_buffer_len(buffer)));
}

inline const uint8_t *bytes(const QByteArray &data)
{
    return reinterpret_cast<const uint8_t *>(data.constData());
}

inline size_t length(const QByteArray &data)
{
    return static_cast<size_t>(data.size());
}

//! A signal_buffer copy of \a data for a store callback's out-parameter; null on no memory.
inline signal_buffer *newSignalBuffer(const QByteArray &data)
{
    return signal_buffer_create(bytes(data), length(data));
}

inline CryptoResult<QByteArray> serializePublicKey(const ec_public_key *key)
{
    signal_buffer *raw = nullptr;
    const int result = ec_public_key_serialize(&raw, key);
    if (result < 0)
        return fromSignalCode(result);
    SignalBufferPtr buffer(raw);
    return toByteArray(buffer.get());
}

inline CryptoResult<QByteArray> serializePrivateKey(const ec_private_key *key)
{
    signal_buffer *raw = nullptr;
    const int result = ec_private_key_serialize(&raw, key);
    if (result < 0)
        return fromSignalCode(result);
    SignalBufferPtr buffer(raw);
    return toByteArray(buffer.get());
}

//! Decodes a serialized public key; InvalidArgument when it is not a valid Curve25519 key.
inline CryptoResult<SignalPtr<ec_public_key>> decodePublicKey(const QByteArray &data,
                                                              signal_context *context)
{
    if (data.isEmpty())
        return CryptoError::InvalidArgument;
    ec_public_key *key = nullptr;
    if (curve_decode_point(&key, bytes(data), length(data), context) < 0)
        return CryptoError::InvalidArgument;
    return SignalPtr<ec_public_key>(key);
}

} // namespace Parley
