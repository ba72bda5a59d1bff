import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { DateTimeField } from './DateTimeField'

function Field({ initial, fallback }: { initial: string; fallback?: string }) {
  const [value, setValue] = useState(initial)
  return <DateTimeField label="开始时间" value={value} onChange={setValue} testId="starts" fallback={fallback} clearable />
}

describe('DateTimeField in the browser (H5)', () => {
  it("takes the browser's date-time input and stores the store-time text, and clears to empty", () => {
    render(<Field initial="2026-11-24 14:00" />)
    const input = screen.getByTestId('starts-input') as HTMLInputElement
    expect(input.type).toBe('datetime-local')
    expect(input.value).toBe('2026-11-24T14:00')
    fireEvent.change(input, { target: { value: '2026-12-06T09:30' } })
    expect(screen.getByTestId('starts-value')).toHaveTextContent('2026-12-06 09:30')
    fireEvent.click(screen.getByText('清除'))
    expect(screen.getByTestId('starts-value')).toHaveTextContent('请选择')
  })

  it('opens an empty field on its fallback', () => {
    render(<Field initial="" fallback="2026-11-24 14:00" />)
    const input = screen.getByTestId('starts-input') as HTMLInputElement
    fireEvent.focus(input)
    expect(input.value).toBe('2026-11-24T14:00')
  })
})
