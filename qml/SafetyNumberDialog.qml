import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Parley

// The safety number with one contact (docs/client-api.md, "End-to-end encryption"): 60 digits
// in 12 groups that both people compare, in person or on a call, and the same as a QR code
// (drawn by C++, image://qr). Once they match, the user can mark the contact as verified (the
// mark goes by itself when the contact's keys change). When the contact's identity key
// changed, the dialog says so and offers to acknowledge the change; messages to the contact
// wait until then. Open it with `userId` and `username` set.
ModalDialog {
    id: dialog

    required property Client client
    required property var userId
    required property string username
    // Client.safetyNumber(userId): a ContactSafetyNumber owned by the client.
    readonly property var number: client.safetyNumber(userId)

    objectName: "safetyNumberDialog"
    width: Math.min(640, Overlay.overlay ? Overlay.overlay.width - 48 : 640)
    closePolicy: Popup.CloseOnEscape
    title: qsTr("Safety number with %1").arg(dialog.username)

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingMedium

        RowLayout {
            visible: dialog.number && dialog.number.keyChanged
            spacing: Theme.spacingMedium

            Icon {
                Layout.alignment: Qt.AlignTop
                implicitWidth: 24
                implicitHeight: 24
                name: "warning"
                color: Theme.warning
            }

            Label {
                objectName: "safetyNumberChanged"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("%1's security keys have changed. This happens when %1 reinstalls Parley, but it can also mean someone is trying to read your messages. Compare the numbers before you continue.").arg(dialog.username)
                color: Theme.text
                Accessible.name: text
            }
        }

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Compare these numbers with the ones %1 sees. If they match, your messages reach only %1's devices.").arg(dialog.username)
            color: Theme.secondaryText
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingLarge

            // The scannable form, black on white with its quiet zone, never smoothed.
            Image {
                objectName: "safetyNumberQr"
                Layout.alignment: Qt.AlignVCenter
                Layout.preferredWidth: 168
                Layout.preferredHeight: 168
                visible: dialog.number && dialog.number.ready
                source: dialog.number && dialog.number.ready ? dialog.number.qrCode : ""
                sourceSize.width: 168
                sourceSize.height: 168
                fillMode: Image.PreserveAspectFit
                smooth: false
                mipmap: false
                cache: false
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("The safety number with %1 as a QR code").arg(dialog.username)
            }

            Rectangle {
                Layout.fillWidth: true
                implicitHeight: digits.implicitHeight + Theme.spacingLarge * 2
                radius: Theme.radius
                color: Theme.hover
                border.color: Theme.divider

                // Twelve groups of five digits, in three rows of four.
                Grid {
                    id: digits
                    anchors.centerIn: parent
                    columns: 4
                    columnSpacing: Theme.spacingLarge
                    rowSpacing: Theme.spacing

                    Repeater {
                        model: dialog.number ? dialog.number.groups : []

                        Label {
                            required property string modelData
                            text: modelData
                            font.family: "monospace"
                            font.pixelSize: Theme.fontSizeLarge
                            color: Theme.text
                        }
                    }
                }

                Label {
                    objectName: "safetyNumberText"
                    anchors.centerIn: parent
                    visible: !dialog.number || !dialog.number.ready
                    text: dialog.number && dialog.number.errorString.length > 0
                          ? dialog.number.errorString : qsTr("Computing…")
                    color: Theme.secondaryText
                    Accessible.name: dialog.number ? dialog.number.displayText : text
                }
            }
        }

        // Whether I marked the contact as verified.
        RowLayout {
            visible: dialog.number && dialog.number.ready && !dialog.number.keyChanged
            spacing: Theme.spacing

            VerifiedMark {
                visible: dialog.number && dialog.number.verified
                name: dialog.username
            }

            Label {
                objectName: "safetyNumberVerifiedState"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: dialog.number && dialog.number.verified
                      ? qsTr("You marked %1 as verified. If %1's keys change, the mark goes away.").arg(dialog.username)
                      : qsTr("%1 is not verified.").arg(dialog.username)
                color: dialog.number && dialog.number.verified ? Theme.online : Theme.secondaryText
                Accessible.name: text
            }
        }

        Label {
            Layout.fillWidth: true
            visible: dialog.number && dialog.number.ready
            wrapMode: Text.Wrap
            text: qsTr("Covers %n of %1's devices.", "", dialog.number ? dialog.number.deviceCount : 0).arg(dialog.username)
            color: Theme.secondaryText
            font.pixelSize: Theme.fontSizeSmall + 1
        }
    }

    footer: DialogButtons {
        Button {
            objectName: "refreshSafetyNumberButton"
            text: qsTr("Check again")
            flat: true
            Accessible.name: text
            onClicked: dialog.number.refresh()
        }
        Button {
            objectName: "markVerifiedButton"
            visible: dialog.number && dialog.number.ready && !dialog.number.keyChanged
            text: dialog.number && dialog.number.verified ? qsTr("Clear verification")
                                                           : qsTr("Mark as verified")
            flat: true
            Accessible.name: text
            onClicked: dialog.number.setVerified(!dialog.number.verified)
        }
        Button {
            objectName: "acknowledgeKeyChangeButton"
            visible: dialog.number && dialog.number.keyChanged
            text: qsTr("Acknowledge the change")
            flat: true
            Material.foreground: Theme.danger
            Accessible.name: text
            onClicked: {
                dialog.client.acknowledgeKeyChange(dialog.userId)
                dialog.close()
            }
        }
        Button {
            objectName: "closeSafetyNumberButton"
            text: qsTr("Close")
            flat: true
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
