import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ReactNode } from 'react'
import './index.scss'

/** Shared loading / empty / error / offline blocks, so every page says these things the same way. */

export function LoadingBlock({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="state-view state-view--loading" data-testid="state-loading">
      <View className="state-view__spinner" />
      <Text className="state-view__text">{text}</Text>
    </View>
  )
}

interface ErrorBlockProps {
  message: string
  onRetry?: () => void
  retryText?: string
}

export function ErrorBlock({ message, onRetry, retryText = '重试' }: ErrorBlockProps) {
  return (
    <View className="state-view state-view--error" data-testid="state-error">
      <View className="state-view__icon">!</View>
      <Text className="state-view__text">{message}</Text>
      {onRetry && (
        <Button className="state-view__action" type="primary" size="small" onClick={onRetry} data-testid="state-retry">
          {retryText}
        </Button>
      )}
    </View>
  )
}

interface EmptyBlockProps {
  title: string
  description?: string
  children?: ReactNode
}

export function EmptyBlock({ title, description, children }: EmptyBlockProps) {
  return (
    <View className="state-view state-view--empty" data-testid="state-empty">
      <View className="state-view__empty-art" />
      <Text className="state-view__title">{title}</Text>
      {description && <Text className="state-view__text">{description}</Text>}
      {children && <View className="state-view__actions">{children}</View>}
    </View>
  )
}

export function OfflineBanner({ text = '网络不可用，显示的是上次同步的信息' }: { text?: string }) {
  return (
    <View className="offline-banner" data-testid="offline-banner">
      <Text>{text}</Text>
    </View>
  )
}
