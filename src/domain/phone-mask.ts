/** 13812345678 -> 138****5678: enough for a clerk to confirm with the customer, not enough to call them. */
export function maskPhone(phone: string): string {
  if (!/^\d{11}$/.test(phone)) return '***'
  return `${phone.slice(0, 3)}****${phone.slice(7)}`
}
