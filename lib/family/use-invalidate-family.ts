'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { familyKeys } from './keys';

/**
 * For a parent's own changes: refresh the family's live data at once instead of waiting for the
 * realtime echo (which still comes, and repairs anything else that changed).
 */
export function useInvalidateFamily() {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: familyKeys.all }), [queryClient]);
}
