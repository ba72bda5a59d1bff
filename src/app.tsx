import { PropsWithChildren } from 'react'
import { guardPageLoads } from './services/page-load'
import { initPlatform } from './services/platform'
import './app.scss'

// Cloud init happens once, before any page calls the API (weapp only; a no-op on H5).
initPlatform()
// H5: a page whose code cannot be loaded (offline) says so instead of failing silently.
guardPageLoads()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
