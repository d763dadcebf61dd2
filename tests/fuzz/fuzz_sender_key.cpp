// libFuzzer entry point: sender-key messages as the client unwraps a conversation message
// (SenderKeyContentCipher, then MessagePadding, then MessageContent). The first byte picks:
//   0  the bytes as a message body from Alice: type byte 4, libsignal's group decrypt, unpad,
//      content;
//   1  the bytes as a sender key distribution message from a stranger;
//   2  the bytes as content Alice really encrypts: Bob must decrypt and read back the same.
// Each input starts from the same chains (UnwrapFixture::Input), so Alice's next message has the
// same iteration every time. Must never crash, hang or leak.

#include "UnwrapFixture.h"
#include "content/MessageContent.h"
#include "crypto/MessagePadding.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Parley;

namespace {

constexpr char SenderKeyMessageType = 4; // SenderKeyContentCipher::SenderKeyMessageType

void readContent(const QByteArray &padded)
{
    if (const std::optional<QByteArray> content = MessagePadding::unpad(padded))
        (void)MessageContent::fromBytes(*content);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    UnwrapFixture &fixture = UnwrapFixture::instance();
    const UnwrapFixture::Input input{&fixture.alice(), &fixture.bob()};
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    const qint64 conversation = UnwrapFixture::Conversation;
    TestDevice &alice = fixture.alice();
    TestDevice &bob = fixture.bob();

    switch (data[0] % 3) {
    case 0: {
        if (bytes.size() < 2 || bytes.at(0) != SenderKeyMessageType)
            return 0;
        const CryptoResult<QByteArray> plain =
                bob.senderKeys().decrypt(conversation, alice.address, bytes.mid(1));
        if (plain)
            readContent(plain.value());
        break;
    }
    case 1:
        (void)bob.senderKeys().processDistributionMessage(conversation, DeviceAddress{3, 1}, bytes);
        break;
    default: {
        const CryptoResult<QByteArray> sealed =
                alice.senderKeys().encrypt(conversation, alice.address, MessagePadding::pad(bytes));
        if (!sealed)
            std::abort();
        const CryptoResult<QByteArray> plain =
                bob.senderKeys().decrypt(conversation, alice.address, sealed.value());
        if (!plain || MessagePadding::unpad(plain.value()) != bytes)
            std::abort();
        readContent(plain.value());
        break;
    }
    }
    return 0;
}
