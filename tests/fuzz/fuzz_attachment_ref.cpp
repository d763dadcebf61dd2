// libFuzzer entry point: any bytes as the CBOR attachment reference a message's content carries
// (where the upload is, its key and sizes). Must never crash, hang or leak; an accepted
// reference writes out and reads again the same.

#include "attachments/AttachmentRef.h"

#include <QtCore/QCborValue>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // As the client reads content: nothing of a map that did not parse whole.
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(bytes, &error);
    if (error.error != QCborError::NoError || !value.isMap())
        return 0;
    const Result<AttachmentRef> ref = AttachmentRef::fromCbor(value.toMap());
    if (!ref)
        return 0;
    const Result<AttachmentRef> again = AttachmentRef::fromCbor(ref.value().toCbor());
    if (!again || !(again.value() == ref.value()))
        std::abort();
    return 0;
}
