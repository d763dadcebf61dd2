import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Parley

// The safety number with one contact (docs/client-api.md, "End-to-end encryption"): 60 digits
// in 12 groups that both people compare, in person or on a call. When the contact's identity
// key changed, the dialog says so and offers to acknowledge the change; messages to the
// contact wait until then. Open it with `userId` and `username` set.
ModalDialog {
    id: dialog

    required property Client client
    required property var userId
    required property string username
    // Client.safetyNumber(userId): a ContactSafetyNumber owned by the client.
    readonly property var number: client.safetyNumber(userId)

    objectName: "safetyNumberDialog"
    width: Math.min(480, Overlay.overlay ? Overlay.overlay.width - 48 : 480)
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
