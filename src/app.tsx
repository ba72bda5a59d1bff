import { PropsWithChildren } from 'react'
import { initPlatform } from './services/platform'
import './app.scss'

// Cloud init happens once, before any page calls the API (weapp only; a no-op on H5).
initPlatform()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
