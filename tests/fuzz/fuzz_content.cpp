// libFuzzer entry point: any bytes as decrypted message content (a padded sender-key plaintext)
// and as the plaintext of a device-inbox item, through the client's readers. Must never crash,
// hang or leak; what is read back writes out and reads again the same.

#include "content/MessageContent.h"
#include "crypto/MessagePadding.h"
#include "e2ee/DeviceMessage.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    for (const QByteArray &content : {bytes, MessagePadding::unpad(bytes).value_or(QByteArray())}) {
        const Result<MessageContent> read = MessageContent::fromBytes(content);
        if (!read)
            continue;
        (void)read.value().previewText();
        const Result<MessageContent> again = MessageContent::fromBytes(read.value().toBytes());
        if (!again || again.value().type() != read.value().type()
            || again.value().text() != read.value().text()
            || again.value().attachment() != read.value().attachment()
            || again.value().mentions() != read.value().mentions())
            std::abort();
    }

    if (const std::optional<DeviceMessage> message = DeviceMessage::decode(bytes)) {
        if (DeviceMessage::decode(message->encode()) != message)
            std::abort();
    }
    return 0;
}
