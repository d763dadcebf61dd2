#include "AttachmentRef.h"

#include "AttachmentCipher.h"
#include "protocol/FieldReader.h"
#include "protocol/Limits.h"

namespace Parley {

using namespace Qt::StringLiterals;

QCborMap AttachmentRef::toCbor() const
{
    return {{"id"_L1, attachmentId},
            {"key"_L1, key},
            {"size"_L1, size},
            {"encSize"_L1, encryptedSize}};
}

Result<AttachmentRef> AttachmentRef::fromCbor(const QCborMap &map)
{
    AttachmentRef ref;
    FieldReader r(map);
    r.bytes("id"_L1, ref.attachmentId, AttachmentIdBytes)
            .bytes("key"_L1, ref.key, AttachmentCipher::KeyBytes)
            .id("size"_L1, ref.size)
            .id("encSize"_L1, ref.encryptedSize);
    if (!r.hasFailed()
        && (ref.attachmentId.size() != AttachmentIdBytes
            || ref.key.size() != AttachmentCipher::KeyBytes
            || ref.encryptedSize != AttachmentCipher::encryptedSize(ref.size)))
        r.fail(ErrorCode::InvalidField, u"not an attachment reference"_s);
    return r.finish(ref);
}

} // namespace Parley
