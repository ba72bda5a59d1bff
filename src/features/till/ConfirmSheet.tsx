import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ReactNode } from 'react'
import './TillPanels.scss'

interface Props {
  title: string
  children?: ReactNode
  confirmText: string
  loading?: boolean
  danger?: boolean
  onConfirm: () => void
  onCancel: () => void
  testId: string
  /** A refusal that keeps the sheet open (a missing reason). */
  error?: string | null
}

/**
 * A confirmation in place (over the panel's actions): a mask and a sheet with 取消 / the action. Inline rather than
 * a modal, so it can hold an input (撤销原因) on both platforms and tests read it like any panel.
 */
export function ConfirmSheet({ title, children, confirmText, loading, danger, onConfirm, onCancel, testId, error }: Props) {
  return (
    <View className="confirm-sheet" data-testid={testId}>
      <View className="confirm-sheet__mask" onClick={() => !loading && onCancel()} />
      <View className="confirm-sheet__panel">
        <Text className="confirm-sheet__title">{title}</Text>
        {children}
        {error && (
          <Text className="confirm-sheet__error" data-testid={`${testId}-error`}>
            {error}
          </Text>
        )}
        <View className="confirm-sheet__actions">
          <Button className="confirm-sheet__button" disabled={loading} onClick={onCancel} data-testid={`${testId}-cancel`}>
            取消
          </Button>
          <Button
            className="confirm-sheet__button"
            type={danger ? 'danger' : 'primary'}
            loading={loading}
            disabled={loading}
            onClick={onConfirm}
            data-testid={`${testId}-ok`}
          >
            {confirmText}
          </Button>
        </View>
      </View>
    </View>
  )
}
