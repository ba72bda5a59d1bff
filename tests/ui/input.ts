import { fireEvent, screen } from '@testing-library/react'

/**
 * Types into a Taro <Input> in jsdom. Taro's H5 input is a Stencil web component that jsdom does not render
 * inside; the React wrapper listens on the host for the component's `input` event ({ detail: { value } }),
 * which is exactly what the real component dispatches when the user types.
 */
export function typeInto(testId: string, value: string) {
  const host = screen.getByTestId(testId)
  fireEvent(host, new CustomEvent('input', { detail: { value }, bubbles: true }))
}
