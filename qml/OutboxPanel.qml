import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// Every message not sent yet, across conversations (Client.outbox): where it goes, what it
// says, why it is not sent, with Retry and Discard per message and "Retry all".
ModalDialog {
    id: panel
    objectName: "outboxPanel"

    required property Client client

    title: qsTr("Not sent yet")
    width: Math.min(parent ? parent.width - 2 * Theme.spacingHuge : 520, 520)
    footer: DialogButtons {
        standardButtons: DialogButtonBox.Close
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingMedium

        Label {
            objectName: "outboxEmpty"
            visible: outboxList.count === 0
            Layout.fillWidth: true
            text: qsTr("Every message has been sent.")
            color: Theme.secondaryText
        }

        ListView {
            id: outboxList
            objectName: "outboxList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 360)
            clip: true
            model: panel.client.outbox
            spacing: Theme.spacing
            Accessible.name: qsTr("Messages not sent yet")
            Accessible.role: Accessible.List

            delegate: RowLayout {
                id: row
                objectName: "outboxItem"
                required property string clientId
                required property real conversationId
                required property string conversationTitle
                required property string text
                required property int deliveryState
                required property string reason
                width: ListView.view.width
                spacing: Theme.spacingMedium
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("To %1: %2, %3").arg(conversationTitle).arg(text).arg(reason)

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2

                    Label {
                        objectName: "outboxText"
                        Layout.fillWidth: true
                        text: row.text
                        elide: Text.ElideRight
                        color: Theme.text
                    }
                    Label {
                        objectName: "outboxReason"
                        Layout.fillWidth: true
                        text: qsTr("To %1 · %2: %3").arg(row.conversationTitle)
                                  .arg(StateText.delivery(row.deliveryState)).arg(row.reason)
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontSizeSmall + 1
                        color: row.deliveryState === States.Failed ? Theme.danger : Theme.secondaryText
                    }
                }
                Button {
                    objectName: "outboxRetryButton"
                    flat: true
                    text: qsTr("Retry")
                    Accessible.name: qsTr("Retry sending %1").arg(row.text)
                    onClicked: panel.client.outbox.retry(row.clientId)
                }
                Button {
                    objectName: "outboxDiscardButton"
                    flat: true
                    text: qsTr("Discard")
                    Accessible.name: qsTr("Discard %1").arg(row.text)
                    onClicked: panel.client.outbox.discard(row.clientId)
                }
            }
        }

        AccentButton {
            objectName: "retryAllButton"
            enabled: outboxList.count > 0
            Layout.alignment: Qt.AlignRight
            text: qsTr("Retry all")
            Accessible.name: text
            onClicked: panel.client.outbox.retryAll()
        }
    }
}
